"""Browse a corpus database in a local web app: map, timeline, events, evidence, clusters.

Every page has a JSON twin (add ``.json`` to its path: ``/events.json``,
``/events/DOC/EVENT.json``, ``/clusters.json``). Everything is served from this machine; the
pages load nothing from the network. Stop the server with Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from polybius.commands.ingest import add_database_argument
from polybius.errors import PolybiusError

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of ``polybius serve``."""
    add_database_argument(parser)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")


def run(args: argparse.Namespace) -> int:
    """Serve the database until interrupted."""
    import uvicorn

    from polybius.web import create_app

    if not Path(args.db).is_file():
        raise PolybiusError(f"{args.db}: no such database (create one with polybius ingest)")
    app = create_app(args.db)
    if args.host not in LOOPBACK:
        print(f"polybius: warning: listening on {args.host}: anyone who can reach this machine "
              "can read the corpus (there is no login)", file=sys.stderr)
    print(f"polybius: serving {args.db} on http://{args.host}:{args.port}/ (Ctrl-C to stop)",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
