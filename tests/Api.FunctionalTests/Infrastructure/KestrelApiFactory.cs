using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Api.FunctionalTests.Infrastructure;

/// <summary>
/// The application on Kestrel over real TCP, for tests of back-pressure: the in-memory test server's WebSocket accepts
/// every send at once. The socket send buffer is small and fixed: the kernel otherwise grows it to megabytes, which
/// would hide what the server itself holds back (accepted sockets inherit the listening socket's buffer size).
/// </summary>
public sealed class KestrelApiFactory(int socketSendBufferBytes) : KurobeApiFactory
{
    public (Uri HttpEndpoint, Uri WebSocketEndpoint) StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return (new Uri(address + "/graphql"), new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/graphql"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<SocketTransportOptions>(options =>
            options.CreateBoundListenSocket = endpoint =>
            {
                var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                socket.SendBufferSize = socketSendBufferBytes;
                return socket;
            }));
    }
}
