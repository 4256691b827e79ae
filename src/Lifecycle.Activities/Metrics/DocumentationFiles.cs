namespace Lifecycle.Activities.Metrics;

/// <summary>Decides which changed files count as documentation for the documentation ratio.</summary>
public static class DocumentationFiles
{
    private static readonly string[] Extensions = [".md", ".markdown", ".rst", ".adoc", ".asciidoc", ".txt"];

    /// <summary>
    /// True for a file with a documentation extension (<c>.md</c>, <c>.markdown</c>, <c>.rst</c>,
    /// <c>.adoc</c>, <c>.asciidoc</c>, <c>.txt</c>) or inside a folder named <c>docs</c> at any depth
    /// (<c>docs/diagram.svg</c>, <c>src/api/docs/x.yaml</c>), case-insensitively.
    /// </summary>
    /// <remarks>
    /// <c>CMakeLists.txt</c> and <c>requirements*.txt</c> are build inputs, not prose, and do not
    /// count unless they sit under a <c>docs</c> folder.
    /// </remarks>
    public static bool IsDocumentation(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return false;
        }

        if (segments[..^1].Any(folder => folder.Equals("docs", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var name = segments[^1];
        if (name.Equals("CMakeLists.txt", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return Extensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }
}
