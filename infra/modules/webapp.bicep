metadata description = 'Linux App Service plan and the .NET 10 web app that hosts the bot.'

@description('Azure region of the plan and the web app.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Globally unique name of the web app; it becomes <name>.azurewebsites.net.')
param webAppName string

@description('App Service plan SKU. Basic or higher: Always On is not available on Free.')
param skuName string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity (the bot\'s Microsoft App ID).')
param identityClientId string

@description('Tenant of the managed identity.')
param identityTenantId string

@description('Microsoft Entra tenant whose Teams users may talk to the bot.')
param allowedTenantId string

@description('Table service endpoint of the storage account.')
param tableEndpoint string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Tags applied to every resource.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identityClientId }
        { name: 'MicrosoftAppTenantId', value: identityTenantId }
        { name: 'Storage__TableEndpoint', value: tableEndpoint }
        { name: 'Storage__ManagedIdentityClientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'TeamsEngage__AllowedTenants__0', value: allowedTenantId }
        // Signed links (poll exports, personal-data exports) point here; the bot refuses to start without it in Production.
        { name: 'TeamsEngage__PublicBaseUrl', value: 'https://${webAppName}.azurewebsites.net' }
      ]
    }
  }
}

// Deployments go through Microsoft Entra ID (az webapp deploy); basic-auth publishing stays off.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the web app.')
output name string = webApp.name

@description('Default host name of the web app, for example teamsengage-abc.azurewebsites.net.')
output defaultHostName string = webApp.properties.defaultHostName
