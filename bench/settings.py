"""Settings of the benchmark server only: the product's settings plus a hello-world URL (the floor every page is
compared with). Never used by the product."""

from stttt.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
