namespace Kurobe.Infrastructure.Demo;

/// <param name="ActivityWeight">Relative order frequency; not stored in the database.</param>
internal sealed record DemoCustomer(
    int CustomerId,
    string CustomerName,
    string Email,
    string Segment,
    string Country,
    string Region,
    string City,
    DateOnly SignupDate,
    double ActivityWeight);

/// <param name="MaxQuantity">Largest realistic quantity per order line; not stored in the database.</param>
/// <param name="Popularity">Relative share of order lines; not stored in the database.</param>
internal sealed record DemoProduct(
    int ProductId,
    string ProductName,
    string Category,
    string Subcategory,
    decimal UnitPrice,
    decimal UnitCost,
    int MaxQuantity,
    double Popularity);

internal readonly record struct DemoOrder(
    int OrderId,
    int CustomerId,
    DateOnly OrderDate,
    DateOnly ShipDate,
    string Channel,
    string Status);

internal readonly record struct DemoOrderItem(
    int OrderId,
    int LineNumber,
    int ProductId,
    int Quantity,
    decimal UnitPrice,
    decimal Discount);
