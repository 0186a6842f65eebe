using './main.bicep'

// Values for one district's production deployment. The tenant defaults to the tenant of the deployment;
// set allowedTenantId here when the Teams tenant differs.
param namePrefix = 'teamsengage'
param appServiceSku = 'B1'
param botSku = 'F0'
param cloud = 'Public'
param minInstances = 1
param maxInstances = 3
param botDisplayName = 'TeamsEngage'
param storageSku = 'Standard_LRS'
// The Reports tab's Entra app registration (infra/README.md, "The Reports tab"); empty until it is made.
param reportsTabClientId = ''
param logRetentionInDays = 30
param tags = {
  application: 'TeamsEngage'
  environment: 'production'
}
