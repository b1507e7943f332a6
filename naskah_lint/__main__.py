"""`python -m naskah_lint`: the same program as the `naskah-lint` command."""

from naskah_lint.cli import run

run()
