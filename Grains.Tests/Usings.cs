global using Xunit;
global using Growth.Grains.Model;
global using Growth.Grains.Contracts;
