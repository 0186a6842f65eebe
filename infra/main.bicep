metadata description = 'TeamsEngage: the Teams bot of a school district\'s IT department, on App Service (Linux, .NET 10) with Azure Table storage, Application Insights and an Azure Bot that signs in as a user-assigned managed identity.'

targetScope = 'resourceGroup'

@description('Azure region of every regional resource. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Short prefix of every resource name: 3 to 11 lower-case letters, digits or hyphens.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'teamsengage'

@description('Microsoft Entra tenant whose Teams users may use the bot. Defaults to the tenant of this deployment.')
param allowedTenantId string = tenant().tenantId

@description('App Service plan SKU (Basic or higher, because the bot needs Always On).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSku string = 'B1'

@description('Microsoft cloud of the district\'s Teams: Public, USGovGcc or USGovGccHigh (bots are not available in DoD). GCC High also needs the Azure Government cloud for every resource here.')
@allowed([
  'Public'
  'USGovGcc'
  'USGovGccHigh'
])
param cloud string = 'Public'

@description('Instances the web app runs at least (and starts with).')
@minValue(1)
@maxValue(30)
param minInstances int = 1

@description('Instances autoscale may add up to, on CPU. Autoscale needs a Standard or Premium plan: on Basic the app stays at minInstances.')
@minValue(1)
@maxValue(30)
param maxInstances int = 3

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Display name of the bot in the Azure portal.')
param botDisplayName string = 'TeamsEngage'

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string = 'Standard_LRS'

@description('Days Log Analytics keeps the bot\'s logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Client id of the Entra app registration the Reports tab signs in with (infra/README.md, "The Reports tab"). Empty leaves the tab off: it then points people to the reports command.')
param reportsTabClientId string = ''

@description('Tags applied to every resource.')
param tags object = {
  application: 'TeamsEngage'
}

// Globally unique names derive from the resource group, so a redeployment finds the same resources.
var suffix = uniqueString(resourceGroup().id)
var webAppName = '${namePrefix}-${suffix}'
var storageName = take(toLower(replace('${namePrefix}${suffix}', '-', '')), 24)
var identityName = '${namePrefix}-bot-identity'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: identityName
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageName
    skuName: storageSku
    principalId: identity.outputs.principalId
    principalName: identityName
    tags: tags
  }
}

module webApp 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    location: location
    planName: '${namePrefix}-plan'
    webAppName: webAppName
    skuName: appServiceSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    allowedTenantId: allowedTenantId
    tableEndpoint: storage.outputs.tableEndpoint
    appInsightsConnectionString: monitoring.outputs.connectionString
    cloud: cloud
    minInstances: minInstances
    maxInstances: maxInstances
    reportsTabClientId: reportsTabClientId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${namePrefix}-bot-${suffix}'
    displayName: botDisplayName
    skuName: botSku
    messagingHost: webApp.outputs.defaultHostName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    tags: tags
  }
}

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): BOT_ID of the Teams app package.')
output botId string = identity.outputs.clientId

@description('Host name of the web app: BOT_DOMAIN of the Teams app package.')
output botDomain string = webApp.outputs.defaultHostName

@description('Name of the web app, for az webapp deploy.')
output webAppName string = webApp.outputs.name

@description('Table service endpoint the bot stores its data in.')
output storageTableEndpoint string = storage.outputs.tableEndpoint

@description('Name of the Azure Bot resource.')
output botResourceName string = bot.outputs.name
