"""Fixtures: one swr-sandbox per test session, SDK clients for its users, and image archives.

The sandbox binary comes from SWR_SANDBOX_BIN (run.sh builds it); it listens on free loopback
ports and keeps its state in a temporary directory that is removed afterwards.
"""

import hashlib
import hmac
import io
import json
import os
import pathlib
import shutil
import signal
import subprocess
import tarfile
import tempfile
import uuid

import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions import exceptions
from huaweicloudsdkswr.v2 import SwrClient

ROOT = pathlib.Path(__file__).resolve().parents[2]


class Sandbox:
    def __init__(self, info, data_dir):
        self.info = info
        self.data_dir = data_dir
        self.api = info["api_endpoint"]
        self.registry = info["registry"]
        self.region = info["region"]
        self.project_id = info["project_id"]

    def user(self, account, index):
        return self.info["accounts"][account]["users"][index]

    def account(self, account):
        return self.info["accounts"][account]

    def client(self, account=0, index=0, sk=None, ak=None):
        u = self.user(account, index)
        creds = BasicCredentials(ak or u["ak"], sk or u["sk"], self.project_id)
        return SwrClient.new_builder().with_credentials(creds).with_endpoint(self.api).build()

    def login(self, account=0, index=0):
        """Long-term docker login: <region>@<AK> and the hex HMAC-SHA256 of the AK keyed by the SK."""
        u = self.user(account, index)
        key = hmac.new(u["sk"].encode(), u["ak"].encode(), hashlib.sha256).hexdigest()
        return f"{self.region}@{u['ak']}", key


@pytest.fixture(scope="session")
def sandbox():
    binary = os.environ.get("SWR_SANDBOX_BIN", str(ROOT / "target" / "debug" / "swr-sandbox"))
    if not os.path.exists(binary):
        pytest.fail(f"swr-sandbox binary not found at {binary}; run `cargo build -p swr-sandbox`")
    if not os.path.exists("/usr/bin/docker-registry"):
        pytest.fail("/usr/bin/docker-registry is missing (Debian package docker-registry)")
    data = tempfile.mkdtemp(prefix="swr-conformance-")
    log = open(os.path.join(data, "sandbox.log"), "w")
    proc = subprocess.Popen(
        [binary, "--data", os.path.join(data, "state"), "--listen", "127.0.0.1:0"],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    line = proc.stdout.readline()
    if not line:
        proc.wait(10)
        log.close()
        pytest.fail("swr-sandbox exited before it was ready:\n" + open(os.path.join(data, "sandbox.log")).read())
    yield Sandbox(json.loads(line), data)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()
    shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def admin(sandbox):
    return sandbox.client(0, 0)


@pytest.fixture(scope="session")
def dev(sandbox):
    """The first account's IAM user, who has no SWR rights until granted."""
    return sandbox.client(0, 1)


@pytest.fixture(scope="session")
def other_admin(sandbox):
    return sandbox.client(1, 0)


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def expect_error(status, call, *args, **kwargs):
    """Runs an SDK call that must fail with `status`; returns the exception."""
    with pytest.raises(exceptions.ClientRequestException) as info:
        call(*args, **kwargs)
    assert info.value.status_code == status, info.value.error_msg
    assert info.value.request_id, "every SWR answer carries X-Request-Id"
    return info.value


def swr_error_code(exc):
    """SWR answers [{"errorCode", "errorMessage", "detail"}]; the SDK leaves the raw text in error_msg."""
    body = json.loads(exc.error_msg)
    assert isinstance(body, list) and body, exc.error_msg
    return body[0]["errorCode"]


def make_archive(directory, text, ref="conformance/img:latest"):
    """A docker-archive with one layer holding `text`, built without docker."""
    layer = io.BytesIO()
    with tarfile.open(fileobj=layer, mode="w", format=tarfile.GNU_FORMAT) as t:
        data = text.encode()
        info = tarfile.TarInfo("etc/conformance")
        info.size = len(data)
        info.mtime = 0
        t.addfile(info, io.BytesIO(data))
    layer_bytes = layer.getvalue()
    layer_id = hashlib.sha256(layer_bytes).hexdigest()
    config = json.dumps(
        {
            "architecture": "amd64",
            "os": "linux",
            "config": {"Labels": {"text": text}},
            "rootfs": {"type": "layers", "diff_ids": [f"sha256:{layer_id}"]},
        }
    ).encode()
    config_id = hashlib.sha256(config).hexdigest()
    path = os.path.join(directory, f"{config_id[:12]}.tar")
    with tarfile.open(path, "w") as out:
        for name, blob in (
            (f"{layer_id}/layer.tar", layer_bytes),
            (f"{config_id}.json", config),
            (
                "manifest.json",
                json.dumps([{"Config": f"{config_id}.json", "RepoTags": [ref], "Layers": [f"{layer_id}/layer.tar"]}]).encode(),
            ),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(blob)
            out.addfile(info, io.BytesIO(blob))
    return path


@pytest.fixture(scope="session")
def skopeo():
    path = shutil.which("skopeo")
    if path is None:
        pytest.fail("skopeo is required for the registry conformance tests (Debian package skopeo)")
    return path


@pytest.fixture(scope="session")
def push(sandbox, skopeo, tmp_path_factory):
    """push(namespace, repo, tag, text, creds=None) copies a fresh archive into the sandbox."""
    directory = tmp_path_factory.mktemp("archives")

    def run(namespace, repo, tag, text=None, creds=None, check=True):
        archive = make_archive(str(directory), text or f"{namespace}/{repo}:{tag}")
        user, password = creds or sandbox.login(0, 0)
        result = subprocess.run(
            [skopeo, "copy", "--dest-tls-verify=false", "--dest-creds", f"{user}:{password}",
             f"docker-archive:{archive}", f"docker://{sandbox.registry}/{namespace}/{repo}:{tag}"],
            capture_output=True, text=True, timeout=120,
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    return run
