"""A local SMTP server for the system tests: every message it accepts becomes one file
`<n>.eml` in the given folder, its first line the envelope recipients."""

import asyncio
import itertools
import sys
from pathlib import Path

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.numbers = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        number = next(self.numbers)
        content = envelope.content.decode("utf-8", errors="replace")
        temporary = self.folder / f"{number:05d}.tmp"
        temporary.write_text("RCPT: " + ",".join(envelope.rcpt_tos) + "\n" + content)
        temporary.rename(self.folder / f"{number:05d}.eml")
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        asyncio.run(asyncio.Event().wait())
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
