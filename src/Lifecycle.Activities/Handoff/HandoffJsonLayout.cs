using System.Text;

namespace Lifecycle.Activities.Handoff;

/// <summary>
/// Puts each flat object inside a list (every value a string, number, boolean or null: commits,
/// files, tasks, errors) on one line of an indented JSON text as <see cref="System.Text.Json"/>
/// writes it: <c>{"path": "src/a.cs", "added": 3, …}</c>. The rest keeps its indentation.
/// </summary>
/// <remarks>
/// A handoff keeps every file and commit of the session; indented one field a line, 3,044 files
/// took some 40,000 lines. One line per item keeps the document complete, and its diffs readable.
/// It works on the text (JSON strings never hold a raw line break, so lines are safe to read) and
/// costs one pass over it, a fraction of the serialization itself.
/// </remarks>
internal static class HandoffJsonLayout
{
    /// <summary>The text with each flat object of a list on one line; lines end with LF.</summary>
    /// <param name="indented">JSON written indented with LF line endings.</param>
    public static string Write(string indented)
    {
        var lines = indented.Split('\n');
        var text = new StringBuilder(indented.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            if (i > 0 && FlatObjectEnd(lines, i) is { } end)
            {
                // lines[i] is "<indent>{", lines[end] is "<indent>}" or "<indent>},".
                var indent = lines[i].Length - 1;
                text.Append(lines[i]);
                for (var member = i + 1; member < end; member++)
                {
                    text.Append(member == i + 1 ? "" : " ").Append(lines[member].AsSpan(indent + 2));
                }

                text.Append(lines[end].AsSpan(indent));
                i = end;
                continue;
            }

            text.Append(lines[i]);
        }

        return text.ToString();
    }

    // An array item is a line holding only "{" (an object that is a property's value has its key on
    // the line); it is flat when no member's value opens or is a list or an object.
    private static int? FlatObjectEnd(string[] lines, int start)
    {
        var line = lines[start];
        var indent = line.Length - 1;
        if (line.Length == 0 || line[^1] != '{' || line.AsSpan(0, indent).TrimStart(' ').Length != 0)
        {
            return null;
        }

        var memberIndent = new string(' ', indent + 2);
        for (var i = start + 1; i < lines.Length; i++)
        {
            var current = lines[i];
            if (current.Length > indent && current.AsSpan(0, indent).TrimStart(' ').Length == 0 && current[indent] == '}')
            {
                return i > start + 1 ? i : null;
            }

            if (!current.StartsWith(memberIndent, StringComparison.Ordinal) || current[memberIndent.Length] != '"')
            {
                return null;
            }

            var value = Value(current);
            if (value.StartsWith('{') || value.StartsWith('['))
            {
                return null;
            }
        }

        return null;
    }

    // The value of a member line '"key": value' (a trailing comma dropped): after the key's closing quote.
    private static ReadOnlySpan<char> Value(string member)
    {
        var text = member.AsSpan().TrimStart(' ');
        var close = 1;
        while (text[close] != '"')
        {
            close += text[close] == '\\' ? 2 : 1;
        }

        return text[(close + 1)..].TrimStart(':').TrimStart(' ');
    }
}
