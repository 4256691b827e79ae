namespace Lifecycle.Activities.Shell;

/// <summary>How a shell command ended.</summary>
/// <param name="ExitCode">The exit code; null when it did not start or timed out.</param>
/// <param name="TimedOut">True when it ran past its timeout and its process tree was killed.</param>
/// <param name="StartError">Why it could not start, when it could not.</param>
/// <param name="Stdout">The last characters of its standard output.</param>
/// <param name="Stderr">The last characters of its standard error.</param>
/// <param name="LastStdoutLine">The last non-empty line of standard output, trimmed.</param>
/// <param name="LastStderrLine">The last non-empty line of standard error, trimmed.</param>
public sealed record ShellResult(int? ExitCode, bool TimedOut, string? StartError, string Stdout, string Stderr, string? LastStdoutLine, string? LastStderrLine);
