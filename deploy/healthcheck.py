"""Container health probe (Dockerfile HEALTHCHECK, docker-compose.yml): GET /healthz on this
container's gunicorn as the reverse proxy would send it, so that production values
(DJANGO_ALLOWED_HOSTS without localhost, DJANGO_SECURE_SSL_REDIRECT=1 behind the proxy) do not
make a healthy container look unhealthy. Exit status 0 when healthy, 1 otherwise.

Usage: python deploy/healthcheck.py [PORT]   (default 8000)
"""

import os
import sys
import urllib.error
import urllib.request


def probe_host():
    """A host name the portal accepts: the first of DJANGO_ALLOWED_HOSTS (".example.org"
    allows example.org), else localhost."""
    for pattern in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(","):
        host = pattern.strip().lstrip(".")
        if host and host != "*":
            return host
    return "localhost"


def main(port):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz",
        # Trusted only when IDM_PROXY_COUNT >= 1, as the proxy's own header would be.
        headers={"Host": probe_host(), "X-Forwarded-Proto": "https"},
    )
    try:
        with urllib.request.urlopen(request, timeout=4) as response:
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as error:
        print(f"/healthz: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8000))
