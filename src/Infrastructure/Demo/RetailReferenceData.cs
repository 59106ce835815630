namespace Kurobe.Infrastructure.Demo;

internal sealed record NameCulture(IReadOnlyList<string> FirstNames, IReadOnlyList<string> LastNames);

internal sealed record CultureShare(NameCulture Culture, double Share);

internal sealed record CountryProfile(
    string Name,
    string Region,
    double CustomerWeight,
    IReadOnlyList<string> Cities,
    IReadOnlyList<CultureShare> Cultures);

internal sealed record ProductType(string Noun, double MinPrice, double MaxPrice, int MaxQuantity);

internal sealed record ProductSubcategory(
    string Name,
    double CatalogShare,
    double Popularity,
    IReadOnlyList<string> Lines,
    IReadOnlyList<ProductType> Types);

internal sealed record ProductCategory(
    string Name,
    IReadOnlyList<string> Brands,
    double MinCostShare,
    double MaxCostShare,
    IReadOnlyList<ProductSubcategory> Subcategories);

/// <summary>Fixed vocabularies of the demo retail data set; the exact strings are part of its contract.</summary>
internal static class RetailReferenceData
{
    public const string Consumer = "Consumer";
    public const string Corporate = "Corporate";
    public const string SmallBusiness = "Small Business";

    public const string Online = "Online";
    public const string Store = "Store";
    public const string Partner = "Partner";

    public const string Completed = "completed";
    public const string Returned = "returned";
    public const string Cancelled = "cancelled";

    public const string NorthAmerica = "North America";
    public const string Europe = "Europe";
    public const string AsiaPacific = "Asia Pacific";
    public const string LatinAmerica = "Latin America";

    public static readonly IReadOnlyList<string> Segments = [Consumer, Corporate, SmallBusiness];
    public static readonly IReadOnlyList<double> SegmentWeights = [0.58, 0.26, 0.16];

    public static readonly IReadOnlyList<decimal> Discounts = [0m, 0.05m, 0.10m, 0.15m, 0.20m];
    public static readonly IReadOnlyList<double> RegularDiscountWeights = [0.66, 0.13, 0.10, 0.07, 0.04];
    public static readonly IReadOnlyList<double> HolidayDiscountWeights = [0.48, 0.16, 0.15, 0.12, 0.09];

    private static readonly NameCulture English = new(
        ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
         "David", "Susan", "Richard", "Jessica", "Thomas", "Sarah", "Daniel", "Karen", "Matthew", "Emily",
         "Christopher", "Olivia", "Andrew", "Emma", "Ryan", "Sophie", "Liam", "Grace"],
        ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
         "Thomas", "Moore", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall",
         "Young", "King", "Wright", "Scott", "Green", "Baker", "Campbell", "Mitchell", "O'Brien", "Murphy"]);

    private static readonly NameCulture Hispanic = new(
        ["José", "María", "Juan", "Ana", "Carlos", "Lucía", "Luis", "Sofía", "Javier", "Carmen",
         "Miguel", "Valentina", "Alejandro", "Isabel", "Diego", "Camila", "Pablo", "Elena", "Andrés", "Paula",
         "Fernando", "Gabriela", "Sergio", "Daniela", "Mateo", "Martina"],
        ["García", "Rodríguez", "Martínez", "López", "González", "Hernández", "Pérez", "Sánchez", "Ramírez", "Torres",
         "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Ortiz", "Castro", "Romero", "Vargas", "Ruiz",
         "Jiménez", "Navarro", "Herrera", "Medina", "Rojas", "Muñoz"]);

    private static readonly NameCulture Brazilian = new(
        ["João", "Maria", "Pedro", "Ana", "Lucas", "Juliana", "Gabriel", "Fernanda", "Rafael", "Beatriz",
         "Gustavo", "Larissa", "Mateus", "Camila", "Felipe", "Mariana", "Bruno", "Letícia", "Thiago", "Amanda",
         "Leonardo", "Carolina"],
        ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
         "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
         "Rocha", "Araújo", "Cardoso", "Nascimento"]);

    private static readonly NameCulture German = new(
        ["Lukas", "Anna", "Maximilian", "Lena", "Felix", "Laura", "Jonas", "Julia", "Leon", "Sarah",
         "Paul", "Lea", "Tobias", "Katharina", "Florian", "Johanna", "Niklas", "Sophie", "Stefan", "Sabine",
         "Jürgen", "Monika", "Matthias", "Claudia"],
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
         "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
         "Braun", "Krüger", "Hofmann", "Hartmann"]);

    private static readonly NameCulture French = new(
        ["Louis", "Camille", "Gabriel", "Léa", "Hugo", "Manon", "Arthur", "Chloé", "Jules", "Inès",
         "Lucas", "Emma", "Nathan", "Sarah", "Théo", "Juliette", "Antoine", "Claire", "Julien", "Céline",
         "Nicolas", "Élodie", "François", "Mathilde"],
        ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
         "Simon", "Laurent", "Lefebvre", "Michel", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
         "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Tremblay"]);

    private static readonly NameCulture Italian = new(
        ["Marco", "Giulia", "Alessandro", "Francesca", "Luca", "Chiara", "Matteo", "Sara", "Lorenzo", "Martina",
         "Andrea", "Valentina", "Giuseppe", "Elena", "Davide", "Alessia", "Francesco", "Federica", "Riccardo", "Silvia",
         "Stefano", "Paola"],
        ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
         "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
         "Barbieri", "Fontana"]);

    private static readonly NameCulture Dutch = new(
        ["Daan", "Emma", "Sem", "Julia", "Lucas", "Sophie", "Levi", "Anna", "Finn", "Tess",
         "Bram", "Lotte", "Thijs", "Sanne", "Ruben", "Fleur", "Jeroen", "Anouk", "Pieter", "Eva",
         "Koen", "Lieke"],
        ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
         "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
         "de Wit", "Dijkstra"]);

    private static readonly NameCulture Japanese = new(
        ["Haruto", "Yui", "Sota", "Hina", "Yuto", "Aoi", "Riku", "Sakura", "Kenji", "Yuki",
         "Takumi", "Mio", "Hiroshi", "Akiko", "Daiki", "Nanami", "Kaito", "Emi", "Shota", "Ayaka",
         "Ren", "Misaki"],
        ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
         "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Mori",
         "Ikeda", "Hashimoto"]);

    private static readonly NameCulture Korean = new(
        ["Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yun", "Ji-woo", "Seo-jun", "Soo-ah", "Joon-young", "Ye-jin",
         "Hyun-woo", "Min-seo", "Sung-min", "Eun-ji", "Tae-yang", "Da-eun", "Jae-hyun", "Yu-na"],
        ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
         "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song"]);

    private static readonly NameCulture Indian = new(
        ["Aarav", "Priya", "Vivaan", "Ananya", "Aditya", "Diya", "Arjun", "Isha", "Rohan", "Kavya",
         "Vikram", "Neha", "Rahul", "Pooja", "Sanjay", "Meera", "Karan", "Divya", "Amit", "Sneha",
         "Rajesh", "Lakshmi"],
        ["Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Mehta", "Joshi",
         "Rao", "Das", "Verma", "Chopra", "Banerjee", "Kapoor", "Malhotra", "Pillai", "Agarwal", "Desai",
         "Menon", "Bose"]);

    private static readonly NameCulture SingaporeChinese = new(
        ["Wei Ling", "Jun Jie", "Hui Min", "Wei Jie", "Li Ting", "Kai Wen", "Mei Ling", "Zhi Hao", "Shu Fen", "Jia Hui",
         "Rachel", "Ethan", "Chloe", "Marcus", "Gabriel", "Natalie"],
        ["Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Chan", "Koh",
         "Teo", "Ang", "Yeo", "Tay", "Ho", "Low", "Toh", "Sim"]);

    private static readonly NameCulture Malay = new(
        ["Muhammad", "Nur", "Ahmad", "Siti", "Aisyah", "Hafiz", "Farah", "Irfan", "Nurul", "Zainal",
         "Aminah", "Firdaus"],
        ["Abdullah", "Rahman", "Ismail", "Hassan", "Ibrahim", "Osman", "Yusof", "Salleh", "Hamid", "Aziz"]);

    public static readonly IReadOnlyList<CountryProfile> Countries =
    [
        new("United States", NorthAmerica, 24.0,
            ["New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Seattle", "Boston", "Atlanta"],
            [new(English, 0.82), new(Hispanic, 0.18)]),
        new("Canada", NorthAmerica, 5.0,
            ["Toronto", "Montreal", "Vancouver", "Calgary", "Ottawa", "Edmonton"],
            [new(English, 0.75), new(French, 0.25)]),
        new("Germany", Europe, 7.0,
            ["Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne", "Stuttgart"],
            [new(German, 1.0)]),
        new("France", Europe, 5.0,
            ["Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille"],
            [new(French, 1.0)]),
        new("United Kingdom", Europe, 7.0,
            ["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol"],
            [new(English, 1.0)]),
        new("Spain", Europe, 3.0,
            ["Madrid", "Barcelona", "Valencia", "Seville", "Bilbao"],
            [new(Hispanic, 1.0)]),
        new("Italy", Europe, 3.0,
            ["Rome", "Milan", "Naples", "Turin", "Florence", "Bologna"],
            [new(Italian, 1.0)]),
        new("Netherlands", Europe, 2.5,
            ["Amsterdam", "Rotterdam", "The Hague", "Utrecht", "Eindhoven"],
            [new(Dutch, 1.0)]),
        new("Japan", AsiaPacific, 6.0,
            ["Tokyo", "Osaka", "Yokohama", "Nagoya", "Sapporo", "Fukuoka"],
            [new(Japanese, 1.0)]),
        new("Australia", AsiaPacific, 4.0,
            ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"],
            [new(English, 1.0)]),
        new("India", AsiaPacific, 5.0,
            ["Mumbai", "Delhi", "Bengaluru", "Hyderabad", "Chennai", "Pune"],
            [new(Indian, 1.0)]),
        new("Singapore", AsiaPacific, 1.5,
            ["Singapore"],
            [new(SingaporeChinese, 0.76), new(Malay, 0.15), new(Indian, 0.09)]),
        new("South Korea", AsiaPacific, 3.0,
            ["Seoul", "Busan", "Incheon", "Daegu", "Daejeon"],
            [new(Korean, 1.0)]),
        new("Brazil", LatinAmerica, 5.0,
            ["São Paulo", "Rio de Janeiro", "Brasília", "Belo Horizonte", "Curitiba", "Porto Alegre"],
            [new(Brazilian, 1.0)]),
        new("Mexico", LatinAmerica, 4.0,
            ["Mexico City", "Guadalajara", "Monterrey", "Puebla", "Tijuana"],
            [new(Hispanic, 1.0)]),
        new("Argentina", LatinAmerica, 2.0,
            ["Buenos Aires", "Córdoba", "Rosario", "Mendoza"],
            [new(Hispanic, 1.0)]),
        new("Chile", LatinAmerica, 1.5,
            ["Santiago", "Valparaíso", "Concepción", "Antofagasta"],
            [new(Hispanic, 1.0)]),
        new("Colombia", LatinAmerica, 2.0,
            ["Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena"],
            [new(Hispanic, 1.0)]),
    ];

    public static readonly IReadOnlyList<ProductCategory> Categories =
    [
        new("Electronics", ["Voltix", "Lumera", "Arcwave", "Novatek", "Zephyr", "Kairo"], 0.62, 0.80,
        [
            new("Phones", 0.06, 1.0, ["Pro", "Max", "Lite", "Edge", "Nova", "Ultra"],
                [new("Smartphone", 249, 1299, 2), new("Foldable Phone", 999, 1899, 1)]),
            new("Laptops", 0.06, 0.8, ["Air", "Pro", "Studio", "Flex", "Book", "Creator"],
                [new("Laptop", 499, 2799, 2), new("Ultrabook", 399, 1499, 2), new("Workstation", 1499, 3999, 2)]),
            new("Audio", 0.06, 1.3, ["Pulse", "Studio", "Bass", "Echo", "Clear", "Wave"],
                [new("Headphones", 49, 399, 2), new("Earbuds", 29, 249, 3), new("Bluetooth Speaker", 39, 299, 3), new("Soundbar", 149, 899, 1)]),
            new("Cameras", 0.04, 0.5, ["Vision", "Shot", "Focus", "Prime", "Optic", "Action"],
                [new("Mirrorless Camera", 599, 2499, 1), new("Action Camera", 149, 499, 2), new("Instant Camera", 69, 149, 2)]),
            new("Accessories", 0.08, 2.2, ["Snap", "Go", "Link", "Charge", "Dock", "Flex"],
                [new("USB-C Charger", 15, 69, 5), new("Charging Cable", 8, 29, 6), new("Power Bank", 25, 99, 4),
                 new("Wireless Mouse", 15, 99, 5), new("Keyboard", 29, 179, 4), new("Phone Case", 12, 49, 4)]),
        ]),
        new("Furniture", ["Nordic", "Oakhaven", "Fjord", "Atelier", "Linden", "Steelform"], 0.50, 0.70,
        [
            new("Chairs", 0.06, 0.9, ["Ergo", "Comfort", "Task", "Lounge", "Executive", "Mesh"],
                [new("Chair", 89, 499, 6), new("Office Chair", 149, 1199, 6), new("Stool", 39, 149, 6)]),
            new("Tables", 0.05, 0.5, ["Oak", "Walnut", "Glass", "Loft", "Classic", "Folding"],
                [new("Dining Table", 199, 1299, 2), new("Coffee Table", 79, 499, 2), new("Conference Table", 399, 1999, 2), new("Side Table", 49, 249, 2)]),
            new("Storage", 0.05, 0.6, ["Modular", "Compact", "Classic", "Stack", "Archive"],
                [new("Bookcase", 79, 449, 3), new("Filing Cabinet", 99, 599, 3), new("Shelf", 29, 199, 4), new("Storage Cabinet", 129, 699, 3)]),
            new("Desks", 0.05, 0.6, ["Executive", "Corner", "Studio", "Compact", "Loft"],
                [new("Desk", 129, 1299, 3), new("Standing Desk", 299, 1499, 3), new("Writing Desk", 99, 599, 3)]),
        ]),
        new("Office Supplies", ["Paperline", "Inkwell", "Scribe", "Clipmaster", "Ledger", "Quillon"], 0.45, 0.65,
        [
            new("Paper", 0.06, 2.0, ["Bright", "Premium", "Recycled", "Everyday", "Bond"],
                [new("Copy Paper", 5, 45, 10), new("Notebook", 3, 19, 10), new("Sticky Notes", 2, 15, 10), new("Legal Pad", 3, 16, 10)]),
            new("Binders", 0.05, 1.4, ["Heavy Duty", "Slim", "Clear View", "Classic", "Archive"],
                [new("Binder", 3, 25, 10), new("Ring Binder", 4, 29, 10), new("Presentation Folder", 2, 15, 10)]),
            new("Pens", 0.06, 2.1, ["Gel", "Smooth", "Fine", "Bold", "Roller", "Signature"],
                [new("Ballpoint Pens", 2, 19, 10), new("Gel Pens", 3, 24, 10), new("Markers", 4, 29, 10),
                 new("Highlighters", 3, 15, 10), new("Fountain Pen", 19, 149, 3)]),
            new("Art", 0.05, 0.9, ["Studio", "Color", "Sketch", "Artist"],
                [new("Sketchbook", 6, 35, 6), new("Paint Set", 12, 89, 4), new("Colored Pencils", 5, 49, 6), new("Easel", 39, 249, 2)]),
        ]),
        new("Clothing", ["Northpeak", "Urbane", "Tidewater", "Harbor", "Fieldstone", "Loomcraft"], 0.45, 0.60,
        [
            new("Shirts", 0.06, 1.3, ["Oxford", "Classic", "Linen", "Performance", "Casual", "Heritage"],
                [new("Shirt", 25, 119, 4), new("Polo", 19, 89, 4), new("T-Shirt", 12, 49, 5)]),
            new("Jackets", 0.05, 0.8, ["Storm", "Alpine", "Metro", "Coastal", "Ridge"],
                [new("Jacket", 69, 349, 2), new("Parka", 129, 599, 2), new("Rain Jacket", 59, 249, 2)]),
            new("Shoes", 0.05, 1.0, ["Trail", "Metro", "Classic", "Flex", "Cloud"],
                [new("Sneakers", 49, 199, 2), new("Running Shoes", 69, 229, 2), new("Boots", 89, 329, 2)]),
        ]),
        new("Sports", ["Summit", "Velo", "Peakform", "Apex", "Stride", "Kinetic"], 0.50, 0.70,
        [
            new("Fitness", 0.05, 1.1, ["Core", "Power", "Flex", "Pro", "Balance"],
                [new("Yoga Mat", 19, 99, 4), new("Dumbbell Set", 39, 399, 2), new("Resistance Bands", 12, 49, 4),
                 new("Kettlebell", 25, 149, 3), new("Fitness Tracker", 49, 299, 2)]),
            new("Outdoor", 0.05, 0.8, ["Trail", "Camp", "Ridge", "Basecamp", "Explorer"],
                [new("Tent", 89, 699, 2), new("Backpack", 39, 249, 2), new("Sleeping Bag", 49, 349, 2), new("Hiking Poles", 29, 149, 2)]),
            new("Cycling", 0.04, 0.6, ["Road", "Gravel", "City", "Sprint", "Aero"],
                [new("Road Bike", 699, 3999, 1), new("Bike Helmet", 39, 249, 2), new("Bike Lights", 15, 89, 3), new("Cycling Gloves", 15, 59, 3)]),
        ]),
    ];
}
