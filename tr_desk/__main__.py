import sys

from tr_desk.cli import main

if __name__ == "__main__":  # not when a preview worker process imports it (spawn)
    sys.exit(main())
