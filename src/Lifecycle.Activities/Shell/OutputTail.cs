using System.Text;

namespace Lifecycle.Activities.Shell;

/// <summary>Reads a stream to its end keeping only the last characters, so a chatty command costs bounded memory.</summary>
internal sealed class OutputTail(int capacity)
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    /// <summary>Reads until end of stream; the tail can be read at any time, also while this runs.</summary>
    public async Task ReadToEndAsync(TextReader reader)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (_lock)
            {
                _text.Append(buffer, 0, read);
                if (_text.Length > 2 * capacity)
                {
                    _text.Remove(0, _text.Length - capacity);
                }
            }
        }
    }

    /// <summary>The text kept so far: at most the last <c>capacity</c> characters (up to twice that while reading).</summary>
    public string Text()
    {
        lock (_lock)
        {
            return _text.Length > capacity ? _text.ToString(_text.Length - capacity, capacity) : _text.ToString();
        }
    }

    /// <summary>The last non-empty line, trimmed; null when there is none.</summary>
    public string? LastLine()
    {
        string text;
        lock (_lock)
        {
            text = _text.ToString();
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 0 ? lines[^1] : null;
    }
}
