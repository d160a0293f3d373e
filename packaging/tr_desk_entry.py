"""The desktop program's entry: the same as ``tr-desk`` (window without arguments, the command
line with them, and the render worker with the hidden ``--tr-desk-worker``)."""

import sys

from tr_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
