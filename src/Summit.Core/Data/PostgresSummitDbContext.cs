using Microsoft.EntityFrameworkCore;

namespace Summit.Core.Data;

public sealed class PostgresSummitDbContext(DbContextOptions<PostgresSummitDbContext> options)
    : SummitDbContext(options);
