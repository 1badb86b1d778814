"""What an API consumer does first: generate a Python client from the served schema with
openapi-python-client, then use it, and only it, against a running portal."""

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.factories import DEFAULT_PASSWORD, MemberStateFactory
from tests.idm.api.schema_data import draft_response
from tests.surveys.factories import delegation, small_survey

pytestmark = pytest.mark.django_db(transaction=True)

PACKAGE = "idm_portal_client"
# No post-processing hooks: the generated code is imported as it is, with no tool run on it.
CONFIG = f"package_name_override: {PACKAGE}\npost_hooks: []\n"


def generate_client(schema_url, folder):
    schema = folder / "schema.json"
    schema.write_bytes(httpx.get(schema_url, params={"format": "json"}).content)
    config = folder / "config.yaml"
    config.write_text(CONFIG)
    generator = Path(sys.executable).parent / "openapi-python-client"
    output = folder / PACKAGE
    run = subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(schema),
            "--config",
            str(config),
            "--output-path",
            str(output),
            "--meta",
            "none",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return run, output


def import_every_module(folder):
    sys.path.insert(0, str(folder))
    try:
        package = importlib.import_module(PACKAGE)
        names = [module.name for module in pkgutil.walk_packages(package.__path__, f"{PACKAGE}.")]
        for name in names:
            importlib.import_module(name)
        return package, names
    finally:
        sys.path.remove(str(folder))


@pytest.fixture
def generated(live_server, tmp_path):
    run, output = generate_client(f"{live_server.url}/api/schema/", tmp_path)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    # The generator names what it could not generate ("... will not be generated", warnings).
    assert "warning" not in report.lower(), report
    assert "will not be generated" not in report, report
    yield import_every_module(tmp_path)
    for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
        del sys.modules[name]


def test_generated_client_token_member_states_and_stale_patch(live_server, generated):
    package, modules = generated
    assert f"{PACKAGE}.api.responses.responses_partial_update" in modules
    for index in range(5):
        MemberStateFactory(code=f"Z{chr(65 + index)}", name=f"Zland {index}")
    s, d = small_survey(), delegation()
    response = draft_response(s, d, {s.likert.pk: 3})

    api = importlib.import_module(f"{PACKAGE}.api")
    models = importlib.import_module(f"{PACKAGE}.models")
    client_module = importlib.import_module(f"{PACKAGE}.client")
    anonymous = client_module.Client(base_url=live_server.url, raise_on_unexpected_status=True)

    token = api.auth.auth_token_create.sync(
        client=anonymous,
        body=models.TokenRequestRequest(email=d.contributor.email, password=DEFAULT_PASSWORD),
    )
    assert isinstance(token, models.AuthToken)
    client = client_module.AuthenticatedClient(
        base_url=live_server.url, token=token.token, prefix="Token"
    )

    codes, page = [], 1
    while page:
        listing = api.member_states.member_states_list.sync(
            client=client, page=page, page_size=2, ordering="code"
        )
        codes += [state.code for state in listing.results]
        page = page + 1 if listing.next_ else None
    assert codes == ["PH", "ZA", "ZB", "ZC", "ZD", "ZE"]

    body = models.SurveyResponseWriteRequest(
        answers=models.SurveyResponseWriteRequestAnswers.from_dict({str(s.likert.pk): 5})
    )
    saved = api.responses.responses_partial_update.sync_detailed(
        response.pk, client=client, body=body, if_match='"1"'
    )
    assert saved.status_code == 200
    assert isinstance(saved.parsed, models.SurveyResponse)
    assert (saved.parsed.version, saved.parsed.submitted_by) == (2, None)
    assert saved.headers["ETag"] == '"2"'

    stale = api.responses.responses_partial_update.sync_detailed(
        response.pk, client=client, body=body, if_match='"1"'
    )
    assert stale.status_code == 412
    assert isinstance(stale.parsed, models.PreconditionFailed)
    assert stale.parsed.version == 2
