using Lifecycle.Activities.Setup;
using Lifecycle.Server.Api;
using Lifecycle.Server.Cli;
using Lifecycle.Server.Dashboard;
using Lifecycle.Server.Hosting;
using Lifecycle.Server.Scheduling;
using Lifecycle.Server.Watching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace Lifecycle.Server.Serving;

/// <summary>
/// The server of one repository: a generic host with Kestrel and minimal-API endpoints over the
/// composition root (engine, session use cases), plus what only a long-lived process does
/// (scheduling, watching). <c>lifecycle serve</c> runs it; tests run the same builder behind
/// <c>WebApplicationFactory</c>.
/// </summary>
public static class ServerHost
{
    public static IHostBuilder CreateBuilder(ServerOptions options)
    {
        var paths = LifecyclePaths.For(options.Repository);
        return new HostBuilder()
            .UseContentRoot(paths.Root)
            .ConfigureHostOptions(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30))
            .UseSerilog((_, logger) => ServerLogging.Configure(logger, paths, options))
            .ConfigureServices(services => AddServer(services, options))
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel =>
                {
                    kestrel.AddServerHeader = false;
                    kestrel.Limits.MaxRequestBodySize = ServerOptions.MaxRequestBodyBytes;
                })
                .UseUrls(options.Urls)
                .Configure(UsePipeline));
    }

    private static void AddServer(IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton(options);
        services.AddLifecycle(options.Repository);
        // Made before the server listens, so that a client reading .lifecycle/token finds it.
        services.AddSingleton(AccessToken.LoadOrCreate(LifecyclePaths.For(options.Repository)));
        services.AddSingleton<LoginCodes>();
        services.AddSingleton<ServerFile>();
        services.AddHostedService<EngineService>();
        services.AddLifecycleScheduling(LifecyclePaths.For(options.Repository), options.Scheduling);
        services.AddWatching();
        if (options.TrimMemoryAfterStart)
        {
            services.AddHostedService<StartupTrim>();
        }

        services.AddRouting();
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDetailFallback.Apply);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = CliJson.Compact.PropertyNamingPolicy;
            json.SerializerOptions.DefaultIgnoreCondition = CliJson.Compact.DefaultIgnoreCondition;
            json.SerializerOptions.Encoder = CliJson.Compact.Encoder;
            foreach (var converter in CliJson.Compact.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        services.AddOpenApi();
        ApiEndpoints.AddServices(services);
        Dashboard.DashboardEndpoints.AddServices(services);
    }

    private static void UsePipeline(IApplicationBuilder app)
    {
        // Outside the exception handler, so that a typed error is logged with the status it is
        // answered with (400, 404...), not as a 500 with its stack.
        app.UseSerilogRequestLogging(requests =>
        {
            requests.EnrichDiagnosticContext = RequestLogProperties.Enrich;
            requests.GetLevel = RequestLogLevels.Of;
        });

        // The application layer's typed errors are answers, not failures: only bugs are logged with their stack.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            SuppressDiagnosticsCallback = context => ApiErrors.Describe(context.Exception) is not null,
        });
        app.UseStatusCodePages();

        // Before routing: endpoints are chosen by the body's declared type.
        app.UseJsonBodies();
        app.UseRouting();
        app.UseTokenAuthentication();
        app.UseDashboardAccess();
        app.UseEndpoints(endpoints => endpoints.MapLifecycleEndpoints());
    }
}
