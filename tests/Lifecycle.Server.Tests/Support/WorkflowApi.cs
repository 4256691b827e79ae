using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Tests.Support;

/// <summary>Calls of the workflows API that tests repeat: saving and publishing a definition, reading answers.</summary>
public static class WorkflowApi
{
    /// <summary>Definitions the API tests use, beside <see cref="TestWorkflows"/>.</summary>
    public const string Hook = """
    {
      "id": "hook",
      "inputs": { "name": { "type": "string", "default": "world" }, "count": { "type": "number", "default": 0 } },
      "triggers": [ { "type": "Http", "method": "POST", "path": "/deploy/done" } ],
      "root": { "type": "SetOutput", "name": "greeting", "value": { "js": "'hello ' + input.name + ' ' + input.count" } }
    }
    """;

    public const string Pinged = """
    {
      "id": "pinged",
      "triggers": [ { "type": "Event", "event": "ping" } ],
      "root": { "type": "SetOutput", "name": "got", "value": { "js": "input.n" } }
    }
    """;

    public const string Failing = """
    { "id": "failing", "root": { "type": "Fail", "message": "boom" } }
    """;

    /// <summary>The engine of the server (it starts the server if need be).</summary>
    public static WorkflowEngine Engine(this ServerFactory server) => server.Services.GetRequiredService<WorkflowEngine>();

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    /// <summary>Saves <paramref name="json"/> as the draft of <paramref name="id"/> and publishes it.</summary>
    public static async Task<int> PublishAsync(this HttpClient client, string id, string json)
    {
        var saved = await client.PutAsync($"/api/workflows/{id}", Json(json));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var published = await client.PostAsync($"/api/workflows/{id}/publish", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return (await published.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>();
    }

    public static async Task<JsonNode> BodyAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Asserts a Problem Details answer with <paramref name="status"/>, and returns it.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }
}
