import MeridianCLI
MeridianMain.main()
