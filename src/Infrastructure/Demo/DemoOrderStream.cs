namespace Kurobe.Infrastructure.Demo;

/// <summary>
/// Produces orders day by day, so order ids ascend with order dates and memory stays bounded
/// by the batch size at any scale.
/// </summary>
internal sealed class DemoOrderStream
{
    private const int MaxLinesPerOrder = 5;

    private static readonly double[] ConsumerLineCountWeights = [0.45, 0.28, 0.15, 0.08, 0.04];
    private static readonly double[] BusinessLineCountWeights = [0.30, 0.27, 0.20, 0.14, 0.09];

    // Index = days between order and shipment.
    private static readonly double[] OnlineShippingDayWeights = [0.00, 0.12, 0.28, 0.24, 0.14, 0.08, 0.05, 0.03, 0.03, 0.02, 0.01];
    private static readonly double[] PartnerShippingDayWeights = [0.00, 0.00, 0.10, 0.15, 0.18, 0.17, 0.13, 0.10, 0.08, 0.05, 0.04];

    private readonly IReadOnlyList<DemoCustomer> _customers;
    private readonly IReadOnlyList<DemoProduct> _products;
    private readonly DeterministicRandom _random;
    private readonly int[] _dailyOrderCounts;
    private readonly CumulativeWeights _customerActivity;
    private readonly CumulativeWeights _productPopularity;
    private readonly CumulativeWeights _consumerLineCounts = new(ConsumerLineCountWeights);
    private readonly CumulativeWeights _businessLineCounts = new(BusinessLineCountWeights);
    private readonly CumulativeWeights _onlineShippingDays = new(OnlineShippingDayWeights);
    private readonly CumulativeWeights _partnerShippingDays = new(PartnerShippingDayWeights);
    private readonly CumulativeWeights _regularDiscounts = new(RetailReferenceData.RegularDiscountWeights);
    private readonly CumulativeWeights _holidayDiscounts = new(RetailReferenceData.HolidayDiscountWeights);
    private readonly int[] _orderProductIds = new int[MaxLinesPerOrder];

    private int _day;
    private int _ordersLeftToday;
    private int _nextOrderId = 1;
    private int _customersSignedUp;

    public DemoOrderStream(IReadOnlyList<DemoCustomer> customers, IReadOnlyList<DemoProduct> products, int totalOrders, DeterministicRandom random)
    {
        _customers = customers;
        _products = products;
        _random = random;
        _dailyOrderCounts = DemoOrderCalendar.DailyOrderCounts(totalOrders, random);
        _customerActivity = new CumulativeWeights(customers.Select(customer => customer.ActivityWeight).ToArray());
        _productPopularity = new CumulativeWeights(products.Select(product => product.Popularity).ToArray());
        _ordersLeftToday = _dailyOrderCounts[0];
    }

    /// <summary>Appends up to <paramref name="maxOrders"/> orders and their items; returns how many orders were added.</summary>
    public int FillNextBatch(List<DemoOrder> orders, List<DemoOrderItem> items, int maxOrders)
    {
        var added = 0;
        while (added < maxOrders && TryAdvanceToDayWithOrders())
        {
            var date = DemoOrderCalendar.FirstOrderDate.AddDays(_day);
            var customer = PickCustomerSignedUpBy(date);
            var order = CreateOrder(_nextOrderId++, customer, date);
            orders.Add(order);
            AddItems(order, customer, items);
            _ordersLeftToday--;
            added++;
        }

        return added;
    }

    private bool TryAdvanceToDayWithOrders()
    {
        while (_ordersLeftToday == 0)
        {
            if (++_day >= _dailyOrderCounts.Length)
            {
                return false;
            }

            _ordersLeftToday = _dailyOrderCounts[_day];
        }

        return true;
    }

    /// <summary>Customers are sorted by signup date, so the eligible ones form a growing prefix.</summary>
    private DemoCustomer PickCustomerSignedUpBy(DateOnly date)
    {
        while (_customersSignedUp < _customers.Count && _customers[_customersSignedUp].SignupDate <= date)
        {
            _customersSignedUp++;
        }

        if (_customersSignedUp == 0)
        {
            throw new InvalidOperationException($"No demo customer has signed up by {date:O}.");
        }

        return _customers[_customerActivity.SampleFirst(_random, _customersSignedUp)];
    }

    private DemoOrder CreateOrder(int orderId, DemoCustomer customer, DateOnly orderDate)
    {
        var channel = PickChannel(customer.Segment);
        var shipDate = orderDate.AddDays(PickShippingDays(channel));
        return new DemoOrder(orderId, customer.CustomerId, orderDate, shipDate, channel, PickStatus());
    }

    /// <summary>Online grows from 46% to 64% of non-partner orders; businesses often buy through partners.</summary>
    private string PickChannel(string segment)
    {
        var partnerShare = segment switch
        {
            RetailReferenceData.Corporate => 0.26,
            RetailReferenceData.SmallBusiness => 0.14,
            _ => 0.03,
        };
        var onlineShare = 0.46 + (0.18 * _day / (_dailyOrderCounts.Length - 1));

        var draw = _random.NextDouble();
        if (draw < partnerShare)
        {
            return RetailReferenceData.Partner;
        }

        return draw < partnerShare + ((1 - partnerShare) * onlineShare) ? RetailReferenceData.Online : RetailReferenceData.Store;
    }

    private int PickShippingDays(string channel) => channel switch
    {
        RetailReferenceData.Online => _onlineShippingDays.Sample(_random),
        RetailReferenceData.Partner => _partnerShippingDays.Sample(_random),
        _ => _random.NextBool(0.85) ? 0 : _random.NextInt(1, 2),
    };

    private string PickStatus()
    {
        var draw = _random.NextDouble();
        return draw switch
        {
            < 0.90 => RetailReferenceData.Completed,
            < 0.96 => RetailReferenceData.Returned,
            _ => RetailReferenceData.Cancelled,
        };
    }

    private void AddItems(DemoOrder order, DemoCustomer customer, List<DemoOrderItem> items)
    {
        var isConsumer = customer.Segment == RetailReferenceData.Consumer;
        var lineCount = 1 + (isConsumer ? _consumerLineCounts : _businessLineCounts).Sample(_random);
        var discounts = order.OrderDate.Month >= 11 ? _holidayDiscounts : _regularDiscounts;

        for (var line = 0; line < lineCount; line++)
        {
            var product = PickProductNotYetInOrder(line);
            items.Add(new DemoOrderItem(
                order.OrderId,
                line + 1,
                product.ProductId,
                PickQuantity(product.MaxQuantity, isConsumer),
                product.UnitPrice,
                RetailReferenceData.Discounts[discounts.Sample(_random)]));
        }
    }

    private DemoProduct PickProductNotYetInOrder(int linesSoFar)
    {
        while (true)
        {
            var productIndex = _productPopularity.Sample(_random);
            if (Array.IndexOf(_orderProductIds, productIndex, 0, linesSoFar) < 0)
            {
                _orderProductIds[linesSoFar] = productIndex;
                return _products[productIndex];
            }
        }
    }

    /// <summary>Mostly one unit; businesses buy larger quantities more often.</summary>
    private int PickQuantity(int maxQuantity, bool isConsumer)
    {
        var uniform = _random.NextDouble();
        var skewed = isConsumer ? uniform * uniform * uniform : uniform * uniform;
        return Math.Min(maxQuantity, 1 + (int)(skewed * maxQuantity));
    }
}
