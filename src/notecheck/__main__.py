"""python -m notecheck: the command line."""

from notecheck.cli import main

main()
