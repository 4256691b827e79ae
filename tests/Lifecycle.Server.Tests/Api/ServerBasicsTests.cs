using System.Net;
using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Api;

/// <summary>What every route shares: the open health check, the token, Problem Details, the login link.</summary>
public sealed class ServerBasicsTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task Health_is_open()
    {
        var response = await _server.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_without_the_token_is_401_problem_details()
    {
        var response = await _server.Anonymous().GetAsync("/api/sessions/current");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_with_a_wrong_token_is_401()
    {
        var client = _server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-the-token");

        var response = await client.GetAsync("/api/sessions/current");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Token_file_is_private()
    {
        _ = _server.Server;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_server.Paths.TokenFile));
    }

    [Fact]
    public async Task Unknown_route_is_404_problem_details()
    {
        var response = await _server.Authorized().GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_mistyped_url_or_a_wrong_method_says_where_the_routes_are_listed()
    {
        var client = _server.Authorized();

        var typo = await client.GetAsync("/api/workflow");
        var method = await client.DeleteAsync("/api/workflows/steps");

        Assert.Equal(HttpStatusCode.NotFound, typo.StatusCode);
        Assert.Contains("GET /api/workflow;", (string?)JsonNode.Parse(await typo.Content.ReadAsStringAsync())!["detail"]);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        var detail = (string?)JsonNode.Parse(await method.Content.ReadAsStringAsync())!["detail"];
        Assert.Contains("DELETE /api/workflows/steps is not allowed", detail);
        Assert.Contains("/openapi/v1.json", detail);
    }

    [Fact]
    public async Task A_typed_error_of_the_application_layer_keeps_its_kind()
    {
        var response = await _server.Authorized().GetAsync("/api/sessions/current");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("notFound", (string?)problem["kind"]);
        Assert.Equal("Not found", (string?)problem["title"]);
        Assert.Contains("lifecycle start", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Login_link_works_once_and_sets_a_strict_http_only_cookie()
    {
        _ = _server.Server;
        var code = ((Lifecycle.Server.Serving.LoginCodes)_server.Services.GetService(typeof(Lifecycle.Server.Serving.LoginCodes))!).Issue();
        var client = _server.Anonymous();

        var first = await client.GetAsync($"/login?code={code}");
        var second = await client.GetAsync($"/login?code={code}");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
    }

    [Fact]
    public async Task The_cookie_opens_the_api()
    {
        _ = _server.Server;
        var client = CookieClient();

        var response = await client.GetAsync("/api/sessions/current");

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_change_with_the_cookie_alone_from_another_origin_is_refused()
    {
        _ = _server.Server;
        var client = CookieClient();
        client.DefaultRequestHeaders.Add("Origin", "http://127.0.0.1:1");

        var response = await client.PostAsync("/api/sessions/current/tasks", new StringContent("""{"title": "planted"}""", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_change_with_the_cookie_from_the_servers_own_origin_is_let_through()
    {
        _ = _server.Server;
        var client = CookieClient();
        client.DefaultRequestHeaders.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));

        var response = await client.PostAsync("/api/sessions/current/tasks", new StringContent("""{"title": "wanted"}""", System.Text.Encoding.UTF8, "application/json"));

        // No session yet: past the token check, the use case answered.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_is_served()
    {
        var response = await _server.Anonymous().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(document["paths"]!["/api/sessions/current"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain; charset=utf-8")]
    public async Task A_json_body_is_read_as_json_whatever_its_label_as_curl_d_sends_it(string? contentType)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("""{"title": "write the docs", "priority": 2}"""));
        if (contentType is not null)
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await _server.Authorized().PostAsync("/api/sessions/current/tasks", content);

        // No session yet: the body was read (a 415 would mean it was not) and the use case answered.
        Assert.NotEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _server.Dispose();

    // A client that carries the dashboard's cookie (what the login URL sets) and no bearer token.
    private HttpClient CookieClient()
    {
        var token = Lifecycle.Server.Serving.AccessToken.Read(_server.Paths.TokenFile)!;
        var client = _server.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", $"lifecycle_token={token}");
        return client;
    }
}
