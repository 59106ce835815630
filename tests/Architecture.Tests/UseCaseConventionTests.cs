using Kurobe.Application.Common.Security;
using Mediator;
using NetArchTest.Rules;

namespace Kurobe.Architecture.Tests;

/// <summary>One use case, one folder: message, validator and handler together, public and sealed, named alike.</summary>
public sealed class UseCaseConventionTests
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IQueryHandler<,>), typeof(ICommandHandler<,>), typeof(IStreamQueryHandler<,>), typeof(IStreamCommandHandler<,>),
    ];

    private static readonly Type[] MessageInterfaces =
    [
        typeof(IQuery<>), typeof(ICommand<>), typeof(IStreamQuery<>), typeof(IStreamCommand<>),
    ];

    public static TheoryData<Type> Handlers => [.. Layers.Application.GetTypes().Where(t => Implements(t, HandlerInterfaces))];

    public static TheoryData<Type> Messages => [.. Layers.Application.GetTypes().Where(t => Implements(t, MessageInterfaces))];

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Handlers_are_public_sealed_and_named_after_their_message(Type handler)
    {
        handler.IsPublic.ShouldBeTrue();
        handler.IsSealed.ShouldBeTrue();
        var message = handler.GetInterfaces().First(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())).GetGenericArguments()[0];
        handler.Name.ShouldBe(message.Name + "Handler");
        handler.Namespace.ShouldBe(message.Namespace, "a handler lives in its message's use-case folder");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Messages_are_public_sealed_records_named_for_what_they_do(Type message)
    {
        message.IsPublic.ShouldBeTrue();
        message.IsSealed.ShouldBeTrue();
        message.GetMethod("<Clone>$").ShouldNotBeNull($"{message.Name} should be a record");
        var isCommand = Implements(message, [typeof(ICommand<>), typeof(IStreamCommand<>)]);
        message.Name.ShouldEndWith(isCommand ? "Command" : "Query");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Messages_state_the_role_they_require_or_that_they_allow_anonymous_callers(Type message)
    {
        var requirements = message.GetCustomAttributes(typeof(RequiresRoleAttribute), inherit: false).Length
            + message.GetCustomAttributes(typeof(AllowAnonymousAttribute), inherit: false).Length;
        requirements.ShouldBe(1, $"{message.Name}: mark it [RequiresRole(...)] (or [AllowAnonymous], rarely); unmarked use cases are refused to everyone");
    }

    [Fact]
    public void Validators_live_beside_their_message() =>
        Types.InAssembly(Layers.Application)
            .That().Inherit(typeof(FluentValidation.AbstractValidator<>)).And().AreNotAbstract()
            .Should().HaveNameEndingWith("Validator").And().BeSealed().And().BePublic()
            .GetResult()
            .ShouldBeSuccessful();

    [Fact]
    public void There_is_at_least_one_use_case_to_check()
    {
        Handlers.Count.ShouldBeGreaterThan(0);
        Messages.Count.ShouldBeGreaterThan(0);
    }

    private static bool Implements(Type type, Type[] openInterfaces) =>
        !type.IsAbstract && type.GetInterfaces().Any(i => i.IsGenericType && openInterfaces.Contains(i.GetGenericTypeDefinition()));
}
