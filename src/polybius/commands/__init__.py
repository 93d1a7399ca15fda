"""CLI subcommands. Each module exposes ``add_arguments(parser)`` and ``run(args) -> int``.

``polybius.cli.COMMANDS`` lists them; the first line of a module's docstring is its help.
"""
