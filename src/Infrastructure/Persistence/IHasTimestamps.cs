namespace Kurobe.Infrastructure.Persistence;

/// <summary>A stored row with <c>created_at</c> and <c>updated_at</c>, kept by <see cref="TimestampsInterceptor"/>.</summary>
internal interface IHasTimestamps
{
    DateTimeOffset CreatedAt { get; set; }

    DateTimeOffset UpdatedAt { get; set; }
}
