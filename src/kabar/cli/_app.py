"""The shared Typer app. Command modules import nothing heavy at module level,
so `kabar --help` stays fast; each command imports its library inside."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="kabar",
    help="Indonesian news into a searchable record of who did and said what, when, according to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from kabar import __version__

        typer.echo(f"kabar {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to stderr."),
) -> None:
    from kabar.log import configure_logging

    configure_logging(verbose)
