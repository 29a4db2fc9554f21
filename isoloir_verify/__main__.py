import sys

from isoloir_verify.cli import main

sys.exit(main())
