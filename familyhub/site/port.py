"""`make serve`'s first step: a port that another preview still holds is said in plain words.

Without it MkDocs builds the whole site, then fails to listen with a traceback
(mkdocs/mkdocs#4131) and does not return to the prompt while the preview's background work runs.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Sequence

DEFAULT_PORT = 8000
IN_USE = (
    "make serve: port {port} is in use, probably by a preview still running in another window:"
    " stop that one (Ctrl+C in its window), or run make serve PORT={other}"
)


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # as MkDocs' server does: a port only waiting after a closed preview counts as free
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    port = int(arguments[0]) if arguments and arguments[0] else DEFAULT_PORT
    if port_is_free(port):
        return 0
    print(IN_USE.format(port=port, other=port + 1), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
