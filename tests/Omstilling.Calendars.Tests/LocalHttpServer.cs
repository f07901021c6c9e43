using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Omstilling.Calendars.Tests;

/// <summary>A local HTTP server for one test: answers each request with <see cref="Respond"/> and remembers what came.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LocalHttpServer(Func<Request, Reply> respond)
    {
        Respond = respond;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl { get; }

    public Func<Request, Reply> Respond { get; set; }

    public ConcurrentQueue<Request> Requests { get; } = new();

    public int Count(string pathEnd) => Requests.Count(r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = new Request(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.RawUrl ?? string.Empty,
                context.Request.Headers["Authorization"],
                context.Request.Headers["If-None-Match"],
                await reader.ReadToEndAsync());
            Requests.Enqueue(request);
            var reply = Respond(request);
            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers ?? [])
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body ?? string.Empty);
            if (reply.Status != 304)
            {
                context.Response.ContentType = reply.ContentType;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    internal sealed record Request(string Method, string Path, string RawUrl, string? Authorization, string? IfNoneMatch, string Body);

    internal sealed record Reply(int Status, string? Body = null, string ContentType = "application/json", IReadOnlyList<(string Name, string Value)>? Headers = null);
}
