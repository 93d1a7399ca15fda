"""``polybius serve``: a real server on 127.0.0.1 that answers and stops, and its errors."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import uvicorn

from polybius.cli import main
from polybius.web import create_app


def test_server_answers_on_localhost_and_stops(corpus_db: Path) -> None:
    config = uvicorn.Config(create_app(str(corpus_db)), host="127.0.0.1", port=0, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        response = httpx.get(f"http://127.0.0.1:{port}/events.json", timeout=10)
        assert response.status_code == 200 and response.json()["paging"]["count"] > 0
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_missing_database_is_one_line_error(tmp_path: Path, capsys) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert capsys.readouterr().err.strip().endswith("no such database (create one with polybius ingest)")
