namespace Skold.Cli;

public static class Program
{
    public static int Main(string[] args) => SkoldCommand.Run(args, Console.In, Console.Out, Console.Error);
}
