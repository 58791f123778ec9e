import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.proposals.test_query_counts import Data

pytestmark = pytest.mark.django_db

@pytest.mark.parametrize("path", ["/en/spaces/big/proposals/TARGET/"])
def test_debug(client, path):
    data = Data()
    data.grow(8)
    with CaptureQueriesContext(connection) as q:
        r = client.get(data.path(path))
        if hasattr(r, "streaming_content"): b"".join(r.streaming_content)
    for x in q.captured_queries:
        print(x["sql"][:300])
