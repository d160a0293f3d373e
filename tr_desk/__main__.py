import sys

from tr_desk.cli import main

sys.exit(main())
