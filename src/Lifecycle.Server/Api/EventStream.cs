using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lifecycle.Server.Api;

/// <summary>
/// Writes a <c>text/event-stream</c> response: unbuffered, a reconnect delay of 1 s for the
/// browser's <c>EventSource</c>, then each event (already formatted) flushed as it comes, until
/// the client goes or the server stops (a stream never ends by itself, so the shutdown ends it
/// rather than waiting for it). The journal and session streams both write through it.
/// </summary>
public static class EventStream
{
    public static async Task WriteAsync(HttpContext context, Func<CancellationToken, IAsyncEnumerable<string>> events)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted,
            context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await response.WriteAsync("retry: 1000\n\n", stop.Token);
            await response.Body.FlushAsync(stop.Token);
            await foreach (var text in events(stop.Token))
            {
                await response.WriteAsync(text, stop.Token);
                await response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
