using Lifecycle.Activities;

namespace Lifecycle.Server.Cli;

/// <summary>The folder the command runs in, with a message that says what to do when it is gone.</summary>
public static class WorkingFolder
{
    /// <summary>The current folder.</summary>
    /// <exception cref="SessionException">It no longer exists (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public static string Current
    {
        get
        {
            try
            {
                return Environment.CurrentDirectory;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new SessionException(
                    "The current folder no longer exists (an untracked folder is put away with the session's work by 'lifecycle end'). " +
                    "'cd' to the repository's root and run the command again; 'lifecycle start' brings the folder back.",
                    ErrorKind.InvalidInput, error);
            }
        }
    }

    /// <summary>True when the current folder was removed, e.g. put away by the close that just ran.</summary>
    public static bool IsGone
    {
        get
        {
            try
            {
                return !Directory.Exists(Environment.CurrentDirectory);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return true;
            }
        }
    }
}
