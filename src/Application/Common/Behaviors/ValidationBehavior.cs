using FluentValidation;
using Mediator;

namespace Kurobe.Application.Common.Behaviors;

/// <summary>Runs the message's FluentValidation validators before its handler; the handler never sees invalid input.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        await MessageValidation.ThrowIfInvalidAsync(validators, message, cancellationToken);
        return await next(message, cancellationToken);
    }
}
