namespace Lifecycle.Server.Cli.Sessions;

/// <summary>A name given on the command line for a person or an agent (<c>--assignee</c>, <c>task assign</c>, <c>end --to</c>): never blank.</summary>
internal static class PersonName
{
    /// <summary><paramref name="name"/> trimmed; a one-line usage error when it is blank, saying <paramref name="instead"/>.</summary>
    public static string? Check(string? name, string given, string instead) =>
        name is null ? null
        : string.IsNullOrWhiteSpace(name) ? throw new UsageException($"{given} is empty: give a person's name or email, or an agent's name{instead}.")
        : name.Trim();
}
