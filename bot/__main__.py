import sys

from bot.launch.cli import main

sys.exit(main())
