namespace Kurobe.Domain.Common;

/// <summary>A value or action breaks one of the domain's rules; the message says which, in words a user understands.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException()
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
