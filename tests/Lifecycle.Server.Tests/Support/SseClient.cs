using System.Text;
using System.Text.Json.Nodes;

namespace Lifecycle.Server.Tests.Support;

/// <summary>One server-sent event as a test reads it.</summary>
internal sealed record SseEvent(string? Id, string? Event, JsonNode? Data);

/// <summary>Reads a <c>text/event-stream</c> response event by event (comments and <c>retry:</c> skipped).</summary>
internal sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _reader = new StreamReader(stream, Encoding.UTF8);
    }

    /// <summary>Comments read so far (heartbeats).</summary>
    public int Comments { get; private set; }

    public static async Task<SseClient> ConnectAsync(HttpClient client, string path, string? lastEventId = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseClient(response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>The next event; fails the test when the stream ends first.</summary>
    public async Task<SseEvent> NextAsync(CancellationToken cancellationToken)
    {
        string? id = null, name = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("The stream ended.");
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return new SseEvent(id, name, JsonNode.Parse(data.ToString()));
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments++;
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line[6..]);
            }
        }
    }

    /// <summary>Events up to and including the first that <paramref name="last"/> accepts.</summary>
    public async Task<List<SseEvent>> ReadUntilAsync(Func<SseEvent, bool> last, CancellationToken cancellationToken)
    {
        var events = new List<SseEvent>();
        while (true)
        {
            var next = await NextAsync(cancellationToken);
            events.Add(next);
            if (last(next))
            {
                return events;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
