using FluentValidation;
using Kurobe.Application.Common.Behaviors;
using Kurobe.Application.Common.Errors;
using Mediator;

namespace Kurobe.Application.UnitTests.Common;

public sealed class ValidationBehaviorTests
{
    public sealed record Probe(string Name, int Count) : IQuery<string>;

    private sealed class ProbeValidator : AbstractValidator<Probe>
    {
        public ProbeValidator()
        {
            RuleFor(p => p.Name).NotEmpty().WithMessage("name is required.");
            RuleFor(p => p.Count).GreaterThan(0).WithMessage("count must be positive.");
        }
    }

    [Fact]
    public async Task Invalid_messages_never_reach_the_handler_and_every_failure_names_its_input()
    {
        var behavior = new ValidationBehavior<Probe, string>([new ProbeValidator()]);
        var handlerCalled = false;

        var error = await Should.ThrowAsync<RequestValidationException>(() => behavior.Handle(
            new Probe("", 0),
            (_, _) =>
            {
                handlerCalled = true;
                return ValueTask.FromResult("ok");
            },
            CancellationToken.None).AsTask());

        handlerCalled.ShouldBeFalse();
        error.Failures.ShouldBe([new InputFailure("name", "name is required."), new InputFailure("count", "count must be positive.")]);
        error.Message.ShouldBe("name is required. count must be positive.");
    }

    [Fact]
    public async Task Valid_messages_pass_through()
    {
        var behavior = new ValidationBehavior<Probe, string>([new ProbeValidator()]);

        var response = await behavior.Handle(new Probe("x", 1), (_, _) => ValueTask.FromResult("ok"), CancellationToken.None);

        response.ShouldBe("ok");
    }

    [Fact]
    public async Task Stream_messages_are_validated_before_the_first_item()
    {
        var behavior = new StreamValidationBehavior<StreamProbe, int>([new StreamProbeValidator()]);
        var produced = 0;

        await Should.ThrowAsync<RequestValidationException>(async () =>
        {
            await foreach (var _ in behavior.Handle(new StreamProbe(-1), (_, _) => Produce(), CancellationToken.None))
            {
            }
        });

        produced.ShouldBe(0);

        async IAsyncEnumerable<int> Produce()
        {
            produced++;
            await Task.Yield();
            yield return 1;
        }
    }

    public sealed record StreamProbe(int From) : IStreamQuery<int>;

    private sealed class StreamProbeValidator : AbstractValidator<StreamProbe>
    {
        public StreamProbeValidator() => RuleFor(p => p.From).GreaterThanOrEqualTo(0);
    }
}
