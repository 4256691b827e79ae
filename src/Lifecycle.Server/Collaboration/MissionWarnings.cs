namespace Lifecycle.Server.Collaboration;

/// <summary>
/// The mission's <c>Warnings (N):</c> block rewritten with the session's warnings as they are once
/// the start found the other clones' sessions: the workflow renders the mission before that check,
/// and a mission saying "Warnings (0): none" above a warning would contradict itself.
/// </summary>
public static class MissionWarnings
{
    /// <summary><paramref name="mission"/> with its warnings block listing <paramref name="warnings"/>; unchanged when it has no such block (a team's own session-start).</summary>
    public static string With(string mission, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(mission);
        ArgumentNullException.ThrowIfNull(warnings);
        var lines = mission.Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith("Warnings (", StringComparison.Ordinal) && l.TrimEnd().EndsWith("):", StringComparison.Ordinal));
        if (at < 0)
        {
            return mission;
        }

        var end = at + 1;
        while (end < lines.Count && lines[end].StartsWith("  ", StringComparison.Ordinal))
        {
            end++;
        }

        lines.RemoveRange(at, end - at);
        lines.InsertRange(at, [$"Warnings ({warnings.Count}):", .. warnings.Count == 0 ? ["  none"] : warnings.Select(w => $"  {w}")]);
        return string.Join('\n', lines);
    }
}
