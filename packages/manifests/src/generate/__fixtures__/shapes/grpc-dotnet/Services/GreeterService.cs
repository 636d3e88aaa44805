using Grpc.Core;

namespace Greeter.Services;

public class GreeterService : Greeter.GreeterBase
{
    private readonly string _salutation = Environment.GetEnvironmentVariable("GREETER_SALUTATION") ?? "Hello";

    public override Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context) =>
        Task.FromResult(new HelloReply { Message = $"{_salutation} {request.Name}" });
}
