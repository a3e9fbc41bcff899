from teamwright.cli import main

raise SystemExit(main())
