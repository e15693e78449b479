using VoiceForD365.Cli;

return VfdCli.Run(args, Console.Out, Console.Error);
