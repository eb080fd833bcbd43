using Skold.Cli.Keys;

namespace Skold.Cli.Commands;

internal static class Guarded
{
    /// <summary>Runs an action; a mistake the user can fix becomes "error: ..." and exit code 2, not a stack trace.</summary>
    public static int Run(CommandIO io, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is UsageException or KeyFileException or IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine("error: " + e.Message);
            return 2;
        }
        catch (ArgumentException e)
        {
            // The core's own checks on what an order may hold.
            io.Error.WriteLine("error: " + e.Message);
            return 2;
        }
    }
}
