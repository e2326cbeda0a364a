using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CiteWeb.Core.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static CiteWeb.Enrichment.Tests.RawHttpServer;

namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// Network faults a hostile or dying server commits, each against a server on 127.0.0.1 that commits it: every one
/// ends within the link's time bound with the status of the contract's vocabulary. (A refused connection, an
/// endless body, a name that cannot resolve, a redirect to a private address and an 11-hop chain are in
/// <see cref="LinkStatusTests"/> and <see cref="GuardTests"/>.)
/// </summary>
public sealed class NetworkFaultTests(SmallWeb web)
{
    private const string Page = "<!doctype html><html><head><title>A page</title></head><body><h1>A page</h1><p>Text.</p></body></html>";

    /// <summary>Short clocks, as in the timeout test: an attempt may take 0.5 s, a link 1.5 s.</summary>
    private static readonly Dictionary<string, string?> Short = new()
    {
        ["Network:PerAttemptTimeout"] = "00:00:00.500",
        ["Network:PerLinkTimeout"] = "00:00:01.500",
    };

    private static string Head(long? length, string extra = "") =>
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n" +
        (length is { } n ? $"Content-Length: {n}\r\n" : "") + extra + "\r\n";

    private static async Task<LinkCheck> CheckTimedAsync(string url, Dictionary<string, string?>? settings, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var result = await TestChecker.CheckAsync(url, settings);
        Assert.True(clock.Elapsed < within, $"took {clock.Elapsed.TotalSeconds:0.0} s: {result.Status} {result.Detail}");
        return result;
    }

    [Fact]
    public async Task A_connection_reset_in_the_middle_of_the_body_is_a_connection_failure()
    {
        await using var server = new RawHttpServer(async (method, socket, ct) =>
        {
            await SendAsync(socket, Head(100_000), ct);
            if (method == "HEAD") return;
            await SendAsync(socket, Page[..60], ct);
            Reset(socket);
        });
        var result = await CheckTimedAsync(server.Url(), null, TimeSpan.FromSeconds(10));
        Assert.Equal(LinkStatus.ConnectionFailed, result.Status);
        Assert.Contains("broke off", result.Detail);
    }

    [Fact]
    public async Task A_body_that_trickles_a_byte_at_a_time_is_a_timeout_at_the_link_bound()
    {
        await using var server = new RawHttpServer(async (method, socket, ct) =>
        {
            await SendAsync(socket, Head(1_000_000), ct);
            if (method == "HEAD") return;
            while (!ct.IsCancellationRequested)
            {
                await SendAsync(socket, "x", ct);
                await Task.Delay(100, ct);
            }
        });
        var result = await CheckTimedAsync(server.Url(), Short, TimeSpan.FromSeconds(8));
        Assert.Equal(LinkStatus.Timeout, result.Status);
    }

    [Fact]
    public async Task Headers_that_trickle_a_byte_at_a_time_are_a_timeout_at_the_link_bound()
    {
        await using var server = new RawHttpServer(async (_, socket, ct) =>
        {
            foreach (var c in "HTTP/1.1 200 OK\r\nX-Slow: " + new string('a', 100_000))
            {
                await SendAsync(socket, c.ToString(), ct);
                await Task.Delay(100, ct);
            }
        });
        var result = await CheckTimedAsync(server.Url(), Short, TimeSpan.FromSeconds(8));
        Assert.Equal(LinkStatus.Timeout, result.Status);
    }

    [Fact]
    public async Task A_gzip_bomb_is_unpacked_only_up_to_the_body_cap()
    {
        long sent = 0;
        await using var server = new RawHttpServer(async (method, socket, ct) =>
        {
            await SendAsync(socket, Head(null, "Content-Encoding: gzip\r\n"), ct);
            if (method == "HEAD") return;
            // Zeros compress about 1000:1: this would unpack to 10 GB if the client read it all.
            await using var network = new NetworkStream(socket, ownsSocket: false);
            await using var gzip = new GZipStream(network, CompressionLevel.Optimal);
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 10 * 1024 && !ct.IsCancellationRequested; i++)
            {
                await gzip.WriteAsync(zeros, ct);
                sent += zeros.Length;
            }
        });
        var result = await CheckTimedAsync(server.Url(), null, TimeSpan.FromSeconds(10));
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Contains("only the first 64 KB", result.Detail);
        Assert.True(sent < 1L << 30, $"the server got to write {sent >> 20} MB of unpacked zeros");
    }

    [Fact]
    public async Task A_content_length_longer_than_the_body_is_a_connection_failure()
    {
        await using var server = new RawHttpServer(async (method, socket, ct) =>
        {
            await SendAsync(socket, Head(Page.Length + 5_000), ct);
            if (method == "HEAD") return;
            await SendAsync(socket, Page, ct);
            socket.Shutdown(SocketShutdown.Both);
        });
        var result = await CheckTimedAsync(server.Url(), null, TimeSpan.FromSeconds(10));
        Assert.Equal(LinkStatus.ConnectionFailed, result.Status);
        Assert.Contains("broke off", result.Detail);
    }

    [Fact]
    public async Task A_content_length_shorter_than_the_body_reads_what_it_announced()
    {
        await using var server = new RawHttpServer(async (method, socket, ct) =>
        {
            await SendAsync(socket, Head(Page.Length - 40), ct);
            if (method == "HEAD") return;
            await SendAsync(socket, Page + new string('x', 100_000), ct);
        });
        var result = await CheckTimedAsync(server.Url(), null, TimeSpan.FromSeconds(10));
        Assert.Equal((LinkStatus.Ok, (int?)200), (result.Status, result.HttpStatus));
        Assert.Contains("a page", result.LiveText ?? ""); // the visible text, folded
    }

    [Fact]
    public async Task A_chain_of_10000_redirects_stops_after_ten_quickly()
    {
        var result = await CheckTimedAsync(web.Url("/chain/10000"), null, TimeSpan.FromSeconds(10));
        Assert.Equal(LinkStatus.RedirectLoop, result.Status);
        Assert.Equal(11, result.Redirects.Count);
        // Eleven requests (10000 down to 9990) and not one more.
        Assert.Equal(1, web.Hits("/chain/9990"));
        Assert.Equal(0, web.Hits("/chain/9989"));
    }

    [Fact]
    public async Task A_self_signed_certificate_is_a_tls_error()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel on Linux wants the private key in a loadable form: a round trip through PKCS#12 gives it one.
        using var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        await using var app = builder.Build();
        app.Run(c => c.Response.WriteAsync(Page));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var addresses = ((Microsoft.AspNetCore.Hosting.Server.IServer)app.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer))!)
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        var port = new Uri(addresses.First()).Port;

        var result = await CheckTimedAsync($"https://127.0.0.1:{port}/", null, TimeSpan.FromSeconds(10));
        Assert.Equal(LinkStatus.TlsError, result.Status);
        Assert.Contains("secure connection", result.Detail);
    }
}
