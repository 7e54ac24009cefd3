"""The `stttt` command: Django's manage.py with the project's settings."""

import os
import sys
import warnings


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stttt.config.settings")
    # The PDF signing library imports DSA support, which cryptography flags as deprecated on every command;
    # stttt never signs with DSA, and the notice only hid the command's own output.
    warnings.filterwarnings("ignore", message="DSA is deprecated", module="pyhanko")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        # Bad configuration is the operator's to fix: one clear line, no stack trace.
        print(f"stttt: configuration error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
